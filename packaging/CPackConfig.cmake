# SPDX-License-Identifier: MIT
# `cpack -G DEB` in a release build directory makes a .deb of the app, the CLI and the samples,
# with the capture types and icons a desktop needs (resources/CMakeLists.txt).
set(CPACK_PACKAGE_NAME "goroscope")
set(CPACK_PACKAGE_VENDOR "Goroscope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GOROSCOPE_DEB_MAINTAINER}")
# Lines of at most 80 columns, as Debian's description format wants them.
set(CPACK_PACKAGE_DESCRIPTION "Goroscope opens pprof profiles, Go execution traces and goroutine dumps
in one window: flame graphs, a goroutine timeline, blocking chains and the
numbers of Go's own tools. goroscope-cli prints the same reports in a
terminal. Double-clicking a capture in a file manager opens it in Goroscope.")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debug information stays in the build tree; the package carries stripped binaries.
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB")
include(CPack)
