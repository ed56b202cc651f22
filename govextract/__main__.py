from govextract.cli import main
import sys

sys.exit(main())
