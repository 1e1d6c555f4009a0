# cmake -DBUILD_ROOT=dir -P deps_ui_no_server.cmake   (ctest: deps_ui_no_server)
#
# Issue 9.6, no UI link to the server: of every target whose generated link line names libkiosk_ui.a
# (test_ui, and whatever links the UI later), only the `kiosk` executable may also name the demo
# (libkiosk_demo.a) or the reference server (libkiosk_central.a). The runner reaches the demo through
# kiosk/DemoControl.h only (docs/ARCHITECTURE.md "Layers").
#
# Sections: link lines (Makefiles' link.txt, or build.ninja's link blocks) | checks
#
# So that the check cannot pass by seeing nothing, it fails when it finds no link line for test_ui or
# kiosk, or when the kiosk's line does not name the demo and the server (the names it looks for).

cmake_minimum_required(VERSION 3.25) # script mode: today's policies (IN_LIST)

# ---- link lines ----
# targets: the names; line_<name>: its link line.
set(targets "")
file(GLOB_RECURSE link_files LIST_DIRECTORIES false "${BUILD_ROOT}/*/link.txt")
foreach(f ${link_files})
  if(f MATCHES "/CMakeFiles/([^/]+)\\.dir/link\\.txt$")
    set(t ${CMAKE_MATCH_1})
    file(READ "${f}" line_${t})
    list(APPEND targets ${t})
  endif()
endforeach()
if(targets STREQUAL "" AND EXISTS "${BUILD_ROOT}/build.ninja")
  file(READ "${BUILD_ROOT}/build.ninja" ninja)
  string(REGEX MATCHALL "\nbuild [^\n]*: CXX_EXECUTABLE_LINKER[^\n]*\n([ ][^\n]*\n)*" blocks "${ninja}")
  foreach(block ${blocks})
    if(block MATCHES "\nbuild ([^:\n]*/)?([^/:\n ]+):")
      set(t ${CMAKE_MATCH_2})
      set(line_${t} "${block}")
      list(APPEND targets ${t})
    endif()
  endforeach()
endif()

# ---- checks ----
function(names_lib line lib out)
  if(line MATCHES "(^|[/ ])lib${lib}\\.a( |$|\n)")
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

foreach(required test_ui kiosk)
  if(NOT required IN_LIST targets)
    message(FATAL_ERROR "no link line found for ${required} under ${BUILD_ROOT} (Makefiles' link.txt or "
                        "build.ninja): the check cannot see what links the UI")
  endif()
endforeach()
foreach(lib kiosk_ui kiosk_demo kiosk_central)
  names_lib("${line_kiosk}" ${lib} has)
  if(NOT has)
    message(FATAL_ERROR "the kiosk's link line does not name lib${lib}.a: the check no longer sees the "
                        "libraries it looks for (renamed?)")
  endif()
endforeach()

set(ui_dependents "")
set(bad "")
foreach(t ${targets})
  names_lib("${line_${t}}" kiosk_ui links_ui)
  if(NOT links_ui OR t STREQUAL "kiosk" OR t STREQUAL "kiosk_ui") # kiosk_ui: its own archive line
    continue()
  endif()
  list(APPEND ui_dependents ${t})
  foreach(lib kiosk_demo kiosk_central)
    names_lib("${line_${t}}" ${lib} has)
    if(has)
      list(APPEND bad "${t} links ${lib}")
    endif()
  endforeach()
endforeach()
if(NOT "test_ui" IN_LIST ui_dependents)
  message(FATAL_ERROR "test_ui's link line does not name libkiosk_ui.a: the check cannot see it")
endif()
if(bad)
  list(JOIN bad "; " bad)
  message(FATAL_ERROR "${bad}: only the kiosk executable may link the demo and the server; the UI "
                      "reaches the demo through kiosk/DemoControl.h (docs/ARCHITECTURE.md)")
endif()
message(STATUS "links kiosk_ui without the demo or the server: ${ui_dependents}")
