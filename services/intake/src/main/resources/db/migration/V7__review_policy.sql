-- When a platform's reports reach the public: PUBLISH_AT_ONCE (as before), REVIEW_FIRST, or REVIEW_WHEN_ERRORS
-- (held for a reviewer when validation found an error). Each submission keeps the policy it was filed under, which
-- its events carry to publication (also when it is replayed).
ALTER TABLE platform ADD COLUMN review_policy VARCHAR(24) NOT NULL DEFAULT 'PUBLISH_AT_ONCE';
ALTER TABLE submission ADD COLUMN review_policy VARCHAR(24) NOT NULL DEFAULT 'PUBLISH_AT_ONCE';
-- When publication held the submission for a reviewer (IN_REVIEW).
ALTER TABLE submission ADD COLUMN held_at TIMESTAMPTZ;
