// expect: DENIED java.lang.Thread.getAllStackTraces
class Sneaky extends Thread {
  void look() {
    getAllStackTraces().keySet().forEach(t -> System.out.println(t.getName()));
  }
}
new Sneaky().look();
