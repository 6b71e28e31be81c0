"""The hall's rules, with no Qt: each function takes a Session and does one unit of work."""
