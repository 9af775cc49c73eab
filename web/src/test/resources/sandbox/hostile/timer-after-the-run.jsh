// expect: OK
new java.util.Timer().schedule(new TimerTask() {
  public void run() { System.out.println("too late"); }
}, 60_000);
System.out.println("scheduled");
