# ec2_add_test(NAME SOURCES a_test.cc ... [COMPONENTS auth ...] [LIBS extra ...])
# Builds one GoogleTest executable from the given sources, linked with the named library components
# (and their dependencies), and registers every test in it with CTest.
if(EC2_BUILD_TESTS)
  enable_testing()
  include(GoogleTest)
endif()

# Every test runs with instance metadata disabled, so a test that finds no other credentials never
# calls 169.254.169.254 or 169.254.170.2 (the network here is loopback only). Tests of those
# providers enable them explicitly and point them at a loopback listener.
set(EC2_TEST_ENVIRONMENT "AWS_EC2_METADATA_DISABLED=true")

set(EC2_SHARED_TESTDATA "${PROJECT_SOURCE_DIR}/../shared/testdata" CACHE PATH
    "Read-only test data kept beside the checkout (the SigV4 suite)")

function(ec2_add_test name)
  if(NOT EC2_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(T "" "" "SOURCES;COMPONENTS;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  ec2_link_components(${name} ${T_COMPONENTS})
  target_link_libraries(${name} PRIVATE GTest::gmock GTest::gtest_main ${T_LIBS})
  target_compile_definitions(${name} PRIVATE
    EC2_SHARED_TESTDATA="${EC2_SHARED_TESTDATA}"
    EC2_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    EC2_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES TIMEOUT 600 ENVIRONMENT "${EC2_TEST_ENVIRONMENT}")
endfunction()

# ec2_add_bench(NAME SOURCES a_bench.cc ... [COMPONENTS auth ...] [LIBS extra ...])
# A Google Benchmark executable; scripts/bench.sh runs every target named *_bench.
function(ec2_add_bench name)
  if(NOT EC2_BUILD_BENCH)
    return()
  endif()
  cmake_parse_arguments(B "" "" "SOURCES;COMPONENTS;LIBS" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  ec2_link_components(${name} ${B_COMPONENTS})
  target_link_libraries(${name} PRIVATE benchmark::benchmark ${B_LIBS})
  target_compile_definitions(${name} PRIVATE EC2_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()

# Adds EC2_TEST_ENVIRONMENT to every add_test() test of the current directory. Every CMakeLists.txt
# that registers tests with add_test() calls it at its end; the test `every_test_disables_instance_metadata`
# fails if one was missed.
function(ec2_isolate_tests)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(t ${tests})
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT "${EC2_TEST_ENVIRONMENT}")
  endforeach()
endfunction()
