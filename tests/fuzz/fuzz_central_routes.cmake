# kiosk-central's request handlers without sockets (server/ApiRouter + server/routes): bounded run in
# ctest; the server's library is built here from server/ (only what this target needs).
if(NOT TARGET kiosk_central)
  add_subdirectory(${PROJECT_SOURCE_DIR}/server ${CMAKE_BINARY_DIR}/server EXCLUDE_FROM_ALL)
endif()
kiosk_fuzzer(fuzz_central_routes kiosk_central)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/corpus_central_routes_work)
add_test(NAME fuzz_central_routes
         COMMAND fuzz_central_routes -max_total_time=20 -max_len=8192 -timeout=5
                 ${CMAKE_CURRENT_BINARY_DIR}/corpus_central_routes_work ${CMAKE_CURRENT_SOURCE_DIR}/corpus_central_routes)
