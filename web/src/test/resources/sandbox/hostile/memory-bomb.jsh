// expect: OUT_OF_MEMORY
var hoard = new ArrayList<long[]>();
while (true) hoard.add(new long[1 << 20]);
