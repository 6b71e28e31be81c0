"""The screens of the hall's mechanisms: the dispute register, the weekly meeting, and the
township station's entry screen."""
