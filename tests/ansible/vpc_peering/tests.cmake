# ec2_vpc_peering: unit tests of the module's logic, and playbooks run by ansible-playbook with the
# built module (and, for parity, community.aws.ec2_vpc_peer) against a private ec2-emulator.
# Included by ansible/modules/CMakeLists.txt.
set(EC2_PEERING_MODULE_DIR ${PROJECT_SOURCE_DIR}/ansible/modules)
ec2_add_test(ansible_vpc_peering_test
  SOURCES ${EC2_PEERING_MODULE_DIR}/ec2_vpc_peering_test.cc
          ${EC2_PEERING_MODULE_DIR}/ec2_vpc_peering_args.cc
          ${EC2_PEERING_MODULE_DIR}/ec2_vpc_peering_api.cc
          ${EC2_PEERING_MODULE_DIR}/ec2_vpc_peering_result.cc
          ${EC2_PEERING_MODULE_DIR}/ec2_vpc_peering_states.cc
  COMPONENTS ${EC2_ANSIBLE_COMPONENTS}
  LIBS ec2_ansible_framework)

if(EC2_BUILD_TESTS AND TARGET ansible_module_ec2_vpc_peering)
  set(EC2_PEERING_TESTS ${PROJECT_SOURCE_DIR}/tests/ansible/vpc_peering)
  foreach(mode module parity)
    add_test(NAME ansible_vpc_peering_${mode}
             COMMAND /usr/bin/python3 ${EC2_PEERING_TESTS}/run_playbooks.py ${mode}
                     $<TARGET_FILE:ec2-emulator> ${EC2_ANSIBLE_LIBRARY_DIR})
    set_tests_properties(ansible_vpc_peering_${mode} PROPERTIES TIMEOUT 1500 LABELS integration)
  endforeach()
endif()
