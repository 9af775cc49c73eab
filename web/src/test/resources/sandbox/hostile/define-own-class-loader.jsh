// expect: DENIED java.lang.ClassLoader
class Loader extends ClassLoader {
  Class<?> make(byte[] b) { return defineClass(null, b, 0, b.length); }
}
