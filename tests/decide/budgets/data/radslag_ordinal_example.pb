META
key;value
description;"Invented ordinal ballots; names with quotes and semicolons"
country;Sweden
unit;Exempelby
instance;2025
num_projects;4
num_votes;5
budget;300
vote_type;ordinal
rule;greedy
PROJECTS
project_id;cost;name
a;100;"Cykelbana; etapp 1"
b;150;"""Tyst"" läsesal"
c;200;Lekplats
d;50;Parkbänkar
VOTES
voter_id;vote;district
v1;a,b,c;Norr
v2;c,a;Söder
v3;d;Norr
v4;b,d,a,c;Väster
v5;;Öster
