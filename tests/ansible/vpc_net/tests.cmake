# ec2_vpc_net with real ansible-playbook against ec2-emulator: the built module's scenario and
# failures, and parity with upstream amazon.aws.ec2_vpc_net (included by ansible/modules).
if(EC2_BUILD_TESTS AND TARGET ansible_module_ec2_vpc_net AND TARGET ec2-emulator)
  foreach(mode ours parity)
    add_test(NAME ansible_vpc_net_${mode}
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/run_playbook.py
                     $<TARGET_FILE:ec2-emulator> ${EC2_ANSIBLE_LIBRARY_DIR} ${mode})
    set_tests_properties(ansible_vpc_net_${mode} PROPERTIES TIMEOUT 1500 LABELS integration)
  endforeach()
endif()
