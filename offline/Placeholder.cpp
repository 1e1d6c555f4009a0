namespace kiosk::offline {}
