// Placeholder until the printer driver lands (issue 4).
namespace kiosk::printer {}
