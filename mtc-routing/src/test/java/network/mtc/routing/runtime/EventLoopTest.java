package network.mtc.routing.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventLoopTest {
  @Test
  void runsTasksAndTimersOnItsOwnThread() throws Exception {
    try (EventLoop loop = new EventLoop("test")) {
      loop.start();
      CountDownLatch fired = new CountDownLatch(1);
      AtomicInteger kindSeen = new AtomicInteger();
      loop.execute(() -> {
        assertTrue(loop.inLoop());
        loop.schedule(loop.clock().nowMillis() + 20, (k, a) -> {
          kindSeen.set(k);
          fired.countDown();
        }, 7, 0);
      });
      assertTrue(fired.await(5, TimeUnit.SECONDS));
      assertEquals(7, kindSeen.get());
      assertThrows(IllegalStateException.class, () -> loop.schedule(0, (k, a) -> { }, 0, 0),
          "timers belong to the loop thread");
    }
  }

  @Test
  void inboxIsBounded() throws Exception {
    EventLoop loop = new EventLoop("bounded", 2, 16, Clock.system());
    assertTrue(loop.offer(() -> { }));
    assertTrue(loop.offer(() -> { }));
    assertFalse(loop.offer(() -> { }), "full before the thread starts draining");
    loop.close();
  }
}
