package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.testing.CrmFake;
import io.github.pqlconnector.core.testing.CrmDestinationContract;
import io.github.pqlconnector.hubspot.fake.HubSpotFake;

/** Core's fault matrix against the stateful {@link HubSpotFake}: every fault ends in what a clean run writes. */
class HubSpotFaultMatrixTest extends CrmDestinationContract {
  @Override
  protected CrmFake newFake() {
    return new HubSpotFake();
  }
}
