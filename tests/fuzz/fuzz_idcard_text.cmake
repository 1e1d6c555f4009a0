# ID card text block fuzzer: bounded run in ctest; new inputs go to a work corpus in the build tree.
kiosk_fuzzer(fuzz_idcard_text kiosk_idcard)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/corpus_idcard_text_work)
add_test(NAME fuzz_idcard_text
         COMMAND fuzz_idcard_text -max_total_time=20 -max_len=512 ${CMAKE_CURRENT_BINARY_DIR}/corpus_idcard_text_work
                 ${CMAKE_CURRENT_SOURCE_DIR}/corpus_idcard_text)
