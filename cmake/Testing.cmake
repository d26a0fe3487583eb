# ec2_add_test(NAME SOURCES a_test.cc ... [LIBS extra...])
# Builds one GoogleTest executable and registers every test in it with CTest.
if(EC2_BUILD_TESTS)
  enable_testing()
  include(GoogleTest)
endif()

set(EC2_SHARED_TESTDATA "${CMAKE_SOURCE_DIR}/../shared/testdata" CACHE PATH
    "Read-only test data shared beside the checkout (SigV4 suite)")

function(ec2_add_test name)
  if(NOT EC2_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ec2 GTest::gmock GTest::gtest_main ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    EC2_SHARED_TESTDATA="${EC2_SHARED_TESTDATA}"
    EC2_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    EC2_BINARY_DIR="${CMAKE_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 600)
endfunction()
