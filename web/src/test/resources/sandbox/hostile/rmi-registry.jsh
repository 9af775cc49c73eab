// expect: DENIED java.rmi
java.rmi.registry.LocateRegistry.getRegistry("127.0.0.1", ${PORT}).list();
