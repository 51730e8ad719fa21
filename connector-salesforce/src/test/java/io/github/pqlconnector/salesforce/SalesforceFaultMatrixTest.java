package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.testing.CrmFake;
import io.github.pqlconnector.core.testing.CrmDestinationContract;

/** The fault matrix against {@link SalesforceFake}: Collections, Tasks, SOQL matching and read-back, OAuth. */
class SalesforceFaultMatrixTest extends CrmDestinationContract {
  @Override
  protected CrmFake newFake() {
    return new SalesforceFake();
  }
}
