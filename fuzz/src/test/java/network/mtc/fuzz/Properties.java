package network.mtc.fuzz;

/** Property checks shared by the fuzz targets: a broken property is a finding. */
final class Properties {
  private Properties() {}

  static void check(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError("property broken: " + what);
    }
  }
}
