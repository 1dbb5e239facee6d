from pledgebook.serve.cli import main

main()
