// expect: RUNTIME_ERROR StackOverflowError
int down(int n) { return down(n + 1) + 1; }
down(0);
