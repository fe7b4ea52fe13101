meta
key;value
vote_type;approval
election_name;test_example
budget;100000
num_votes;2

projects
name;cost
p1;50000
p2;50000

votes
vote
p1
p2
