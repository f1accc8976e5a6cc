# SPDX-License-Identifier: MIT
# Warnings apply to our own targets only (linked PRIVATE), never to generated or third-party code.
add_library(goroscope_warnings INTERFACE)
target_compile_options(goroscope_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wimplicit-fallthrough -Wcast-align)

# Sets warnings-as-errors on a target when the option asks for it (CMake 3.24+ property).
function(goroscope_target_warnings target)
    target_link_libraries(${target} PRIVATE goroscope_warnings)
    if(GOROSCOPE_WARNINGS_AS_ERRORS)
        set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR ON)
    endif()
endfunction()
