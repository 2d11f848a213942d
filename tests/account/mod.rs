mod ask_to_hide;
mod turn_off_access;
