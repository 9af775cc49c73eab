// expect: DENIED java.util.ServiceLoader
ServiceLoader.load(Runnable.class).forEach(Runnable::run);
