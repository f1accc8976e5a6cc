# SPDX-License-Identifier: MIT
# Fails when a layer includes one above it: core must not include Qt, widgets/ or app/;
# widgets must not include app/; capture/ is Qt Core and Network, no widgets. Run as: cmake -DROOT=<repo> -P check_layering.cmake
set(violations "")

function(check_folder folder pattern why)
    file(GLOB_RECURSE files "${ROOT}/${folder}/*.h" "${ROOT}/${folder}/*.cpp")
    foreach(f IN LISTS files)
        file(STRINGS "${f}" hits REGEX "${pattern}")
        foreach(h IN LISTS hits)
            file(RELATIVE_PATH rel "${ROOT}" "${f}")
            set(violations "${violations}\n  ${rel}: ${h}   (${why})")
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

check_folder(core "^[ \t]*#[ \t]*include[ \t]*[<\"](Q|widgets/|app/)" "core is plain C++ without Qt")
check_folder(capture "^[ \t]*#[ \t]*include[ \t]*[<\"](widgets/|app/|QtWidgets|QWidget)" "capture is Qt Core and Network only")
check_folder(widgets "^[ \t]*#[ \t]*include[ \t]*[<\"]app/" "widgets must not depend on the app")
check_folder(app/cli "^[ \t]*#[ \t]*include[ \t]*[<\"](Q|widgets/)" "the CLI includes no Qt: capture and watch reach Qt Network through capture/blocking.h")

if(violations)
    message(FATAL_ERROR "layering violations:${violations}")
endif()
message(STATUS "layering: ok")
