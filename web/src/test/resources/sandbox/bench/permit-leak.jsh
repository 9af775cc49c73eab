// A handler that leaks a permit whenever a request fails: the pool drains one failure at a time.
var permits = new Semaphore(3);
int leaked = 0;
void handle(int request) throws InterruptedException {
    permits.acquire();
    if (request % 4 == 0) {
        throw new IllegalStateException("request " + request + " failed");
    }
    permits.release();
}
for (int i = 1; i <= 12; i++) {
    try {
        handle(i);
    } catch (IllegalStateException | InterruptedException e) {
        leaked++;
    }
}
System.out.println("leaked=" + leaked + " available=" + permits.availablePermits());
// Output:
// leaked=3 available=0
