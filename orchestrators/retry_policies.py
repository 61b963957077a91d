"""Retry policies of the pipeline's activities, in one place.

Activities raise only transient errors (see errors.py), so every retry here is one that may help.
Durable Python's RetryOptions has a first interval and an attempt count (no back-off factor).
"""

import azure.durable_functions as df

STORAGE = df.RetryOptions(first_retry_interval_in_milliseconds=2_000, max_number_of_attempts=5)
SPEECH = df.RetryOptions(first_retry_interval_in_milliseconds=5_000, max_number_of_attempts=5)
EXTRACTION = df.RetryOptions(first_retry_interval_in_milliseconds=5_000, max_number_of_attempts=5)
PERSIST = df.RetryOptions(first_retry_interval_in_milliseconds=2_000, max_number_of_attempts=8)
