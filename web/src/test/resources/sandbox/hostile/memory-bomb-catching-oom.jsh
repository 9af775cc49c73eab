// expect: OUT_OF_MEMORY
var hoard = new ArrayList<long[]>();
while (true) {
  try { hoard.add(new long[1 << 20]); } catch (OutOfMemoryError e) { hoard.clear(); }
}
