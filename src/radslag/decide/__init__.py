"""The decision core of Rådslag.

Pure functions from arrays to results, built on numpy, scipy and HiGHS (``highspy``). Nothing
in this package imports Django, so the methods can be tested, benchmarked and reused on their
own. One module per algorithm family:

``pairwise``, ``pairwise_design``
    Bradley–Terry rankings from pairwise votes; adaptive choice of the next pairs
``ballots``
    Schulze, Borda, Copeland, Kemeny (exact, HiGHS) and approval counts
``criteria``, ``smaa``
    AHP weights and consistency, weighted sum, TOPSIS; SMAA-2 robustness
``votes``, ``opinion_groups``, ``clustering``, ``consensus``
    agree/disagree matrices, Pol.is-style opinion groups, group-aware consensus and bridging
``aggregation``
    two-level weighting: people to municipality to nation, and results per segment
``budgeting``, ``budget_profiles``, ``budget_completion``, ``budget_jumps``, ``equal_shares``,
``exact_shares``, ``budget_explanations``, ``amounts``, ``pabulib``, ``pabulib_writer``
    Method of Equal Shares and greedy portfolios, their completions and explanations, exact
    money amounts, pabulib files
``committee`` and ``committee_*``
    LEXIMIN, maximin and Nash lotteries for council selection, quotas, audits
``text``, ``text_duplicates``, ``text_themes``
    Swedish normalisation, TF-IDF, near-duplicates and themes
``validation``
    the argument checks every public function uses
"""
