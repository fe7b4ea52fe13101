from radslag.cli import main

main()
