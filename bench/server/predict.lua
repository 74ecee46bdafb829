-- wrk script: POST one Lending Club row (the first holdout row) as JSON.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"rows": [{"funded_amnt": 6000, "term": "term_36", "int_rate": 12.99, "sub_grade": "C2", "addr_state": "CA", '
  .. '"verification_status": "Verified", "annual_inc": 33000, "emp_length": "emp_unk", "delinq_2yrs": 0, '
  .. '"inq_last_6mths": 2, "revol_util": 34.3, "acc_now_delinq": 0, "open_il_6m": 1, "open_il_12m": 0, "open_il_24m": 1, '
  .. '"total_bal_il": 6251, "all_util": 39, "inq_fi": 0, "inq_last_12m": 3, "delinq_amnt": 0, "num_il_tl": 3, '
  .. '"total_il_high_credit_limit": 10000}]}'
