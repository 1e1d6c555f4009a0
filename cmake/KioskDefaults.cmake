# Compiler settings for the project's own targets: warnings are errors in our code only
# (third-party headers come in as SYSTEM includes through imported targets).

if(KIOSK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

function(kiosk_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wno-missing-field-initializers -Werror)
  target_compile_definitions(${target} PRIVATE _GNU_SOURCE)
endfunction()

# One doctest executable per module; registered with ctest as a single test per executable
# (doctest prints its own per-case report; ctest's --output-on-failure shows it).
function(kiosk_doctest name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/doctest_main.cpp)
  kiosk_defaults(${name})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} kiosk_doctest)
  target_compile_definitions(${name} PRIVATE KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             KIOSK_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}")
endfunction()

if(KIOSK_FUZZ)
  # Libraries under fuzz get coverage instrumentation; fuzz targets add -fsanitize=fuzzer themselves.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
endif()
