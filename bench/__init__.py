"""Side-by-side benchmarks of Rådslag's decision core against peer libraries."""
