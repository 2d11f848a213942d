mod ask_to_hide;
mod people;
mod results_setting;
mod sign_ins;
mod turn_off_access;
