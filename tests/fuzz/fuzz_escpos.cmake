# ESC/POS parser + renderer of the virtual printer (drivers/printer). Bounded run under ctest.
kiosk_fuzzer(fuzz_escpos kiosk_printer)
add_test(NAME fuzz_escpos COMMAND fuzz_escpos -max_total_time=20 -rss_limit_mb=2048 -timeout=10)
set_tests_properties(fuzz_escpos PROPERTIES TIMEOUT 120 LABELS fuzz)
