package io.docent.core.memory;

import io.docent.core.PerPersonLimit;
import io.docent.core.PerPersonLimitContract;
import java.util.List;

class LocalPerPersonLimitTest extends PerPersonLimitContract {

    @Override
    protected PerPersonLimit limit() {
        return new LocalPerPersonLimit();
    }

    @Override
    protected List<PerPersonLimit> twoViews() {
        PerPersonLimit one = limit();
        return List.of(one, one);
    }
}
