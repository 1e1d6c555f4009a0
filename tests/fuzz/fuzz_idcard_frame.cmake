# ID card frame parser fuzzer: bounded run in ctest; new inputs go to a work corpus in the build tree.
kiosk_fuzzer(fuzz_idcard_frame kiosk_idcard)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/corpus_idcard_frame_work)
add_test(NAME fuzz_idcard_frame
         COMMAND fuzz_idcard_frame -max_total_time=20 -max_len=4096 ${CMAKE_CURRENT_BINARY_DIR}/corpus_idcard_frame_work
                 ${CMAKE_CURRENT_SOURCE_DIR}/corpus_idcard_frame)
