namespace kiosk::ui {}
