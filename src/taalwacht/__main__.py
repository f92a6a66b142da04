from taalwacht.cli import main

main()
