"""The decision core of Rådslag.

Pure functions from arrays to results, built on numpy, scipy and HiGHS (``highspy``). Nothing
in this package imports Django, so the methods can be tested, benchmarked and reused on their
own. One module per algorithm family:

``pairwise``     Bradley–Terry rankings from pairwise votes and adaptive pair choice
``ballots``      Schulze, Borda, Copeland, Kemeny and approval counts
``criteria``     AHP weights, weighted sum, TOPSIS and SMAA-2 robustness
``consensus``    opinion groups and group-aware consensus on agree/disagree votes
``aggregation``  two-level weighting: people to municipality to nation
``budgeting``    Method of Equal Shares and greedy portfolios, pabulib files
``committee``    LEXIMIN, maximin and Nash lotteries for council selection
"""
