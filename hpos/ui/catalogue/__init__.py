"""The manager's catalogue page: the items in a table, add and edit, archive, restore and
remove, CSV import (a report before anything is written) and export."""
