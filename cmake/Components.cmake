# Library components: each src/<dir> is an OBJECT library `ec2_<dir>`; the public `ec2` library is
# made of all of their objects. Tests link only the components they need (and what those need), so a
# half-finished component elsewhere never breaks an unrelated test build.
#
# ec2_add_component(NAME SOURCES a.cc ... [DEPS other_component ...])
function(ec2_add_component name)
  cmake_parse_arguments(C "" "" "SOURCES;DEPS" ${ARGN})
  set(target ec2_${name})
  add_library(${target} OBJECT ${C_SOURCES})
  target_include_directories(${target}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target}
    PUBLIC pugixml::pugixml nlohmann_json::nlohmann_json Threads::Threads
           OpenSSL::Crypto CURL::libcurl fmt::fmt)
  foreach(dep ${C_DEPS})
    target_link_libraries(${target} PUBLIC ec2_${dep})
  endforeach()
  set_property(GLOBAL PROPERTY EC2_COMPONENT_DEPS_${name} ${C_DEPS})
  set_property(GLOBAL APPEND PROPERTY EC2_COMPONENTS ${name})
endfunction()

# Sets `out` to the component targets `names` need, dependencies included (each once).
function(ec2_component_closure out)
  set(result)
  set(queue ${ARGN})
  while(queue)
    list(POP_FRONT queue name)
    if(NOT "ec2_${name}" IN_LIST result)
      list(APPEND result ec2_${name})
      get_property(deps GLOBAL PROPERTY EC2_COMPONENT_DEPS_${name})
      list(APPEND queue ${deps})
    endif()
  endwhile()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Links `target` with the objects of `components` and everything they depend on.
function(ec2_link_components target)
  ec2_component_closure(libs ${ARGN})
  foreach(lib ${libs})
    target_link_libraries(${target} PRIVATE ${lib})
  endforeach()
endfunction()
