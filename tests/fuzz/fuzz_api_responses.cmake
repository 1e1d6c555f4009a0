# Sync protocol responses and sealed payloads (offline/SyncProtocol, offline/RecordCipher).
kiosk_fuzzer(fuzz_api_responses kiosk_offline)
add_test(NAME fuzz_api_responses COMMAND fuzz_api_responses -max_total_time=20 -max_len=8192)
