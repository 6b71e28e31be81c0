"""`hall-admin`: the hall's rules without a screen."""
