import { Category, type DictionaryEntry, entries } from './categories';

const CONDITIONS = [
  'diabetes|diabetic|prediabetes|T1DM|T2DM|DKA|ketoacidosis|cetoacidosis|hypoglycemia|hyperglycemia|insulin resistance',
  'hypertension|HTN|hypotension|hyperlipidemia|dyslipidemia|high cholesterol|hypercholesterolemia',
  'heart failure|CHF|HFrEF|HFpEF|cardiomyopathy|myocardial infarction|heart attack|STEMI|NSTEMI|angina|arrhythmia',
  'atrial fibrillation|afib|a-fib|atrial flutter|tachycardia|bradycardia|atrial high-rate|pacemaker|defibrillator|ICD shock',
  'coronary artery disease|stroke|TIA|transient ischemic attack|hemiparesis|hemiplegia|aphasia|aneurysm',
  'deep vein thrombosis|DVT|pulmonary embolism|embolism|thrombosis|',
  'cancer|carcinoma|sarcoma|lymphoma|leukemia|leukaemia|melanoma|myeloma|glioma|glioblastoma|metastatic|metastasis|metastases|malignancy|malignant|tumor|tumour|neoplasm|oncology',
  'ductal carcinoma|BRCA1|BRCA2|pathogenic variant|HER2|ER+|PR+|BI-RADS|polyp|polyps|lesion|',
  'COPD|asthma|emphysema|bronchitis|pneumonia|tuberculosis|sleep apnea|obstructive sleep apnea|cystic fibrosis',
  'HIV|AIDS|hepatitis|hepatitis B|hepatitis C|HCV|HBV|syphilis|gonorrhea|chlamydia|herpes|HPV|STI|STD',
  'strep|strep throat|influenza|COVID|COVID-19|sepsis|infection|cellulitis|UTI|urinary tract infection|shingles|measles|mumps|rubella',
  'kidney disease|CKD|chronic kidney disease|renal failure|end-stage renal|ESRD|dialysis|nephropathy|kidney stones',
  'liver disease|cirrhosis|fatty liver|NASH|hepatotoxicity|pancreatitis|gallbladder|gallstones|cholecystitis|appendicitis',
  "Crohn|Crohn's|ulcerative colitis|colitis|IBS|irritable bowel|celiac|GERD|reflux|ulcer|diverticulitis",
  'arthritis|osteoarthritis|rheumatoid|lupus|fibromyalgia|gout|osteoporosis|scoliosis|psoriasis|psoriatic|eczema|atopic dermatitis|dermatitis|rosacea|acne',
  'fracture|fractured|torn ACL|ACL tear|meniscus tear|rotator cuff|disc herniation|herniated disc|hernia|sprain|concussion|laceration|lacerated|sutures|stitches|',
  'depression|depressive|major depressive|anxiety|panic attacks|panic disorder|PTSD|bipolar|schizophrenia|psychosis|psychotic|OCD|ADHD|autism|eating disorder|anorexia|bulimia',
  'suicidal|suicidal ideation|self-harm|denies SI|SI/HI|72-hour hold|involuntary hold|5150|psychiatric|psychiatry|mental health',
  'opioid use disorder|OUD|substance use|alcohol use disorder|addiction|overdose|opioid withdrawal|alcohol withdrawal|detox|rehab|relapse',
  "dementia|Alzheimer|Alzheimer's|Parkinson|Parkinson's|multiple sclerosis|epilepsy|seizure|seizures|migraine|migraines|neuropathy|peripheral neuropathy|cerebral palsy",
  'retinopathy|diabetic retinopathy|glaucoma|cataract|cataracts|macular degeneration|',
  'pregnant|pregnancy|miscarriage|miscarriages|trimester|prenatal|postpartum|gestational|preeclampsia|IVF|infertility|abortion|contraception|birth control',
  'Pap smear|ASC-H|ASCUS|CIN 2|CIN 3|colposcopy|LEEP|endometriosis|PCOS|hysterectomy|mastectomy|lumpectomy',
  'allergy|allergies|allergic|anaphylaxis|anaphylactic|peanut allergy|tree-nut allergy|EpiPen|Epi-Pen',
  'obesity|obese|BMI|anemia|anaemia|hypothyroidism|hyperthyroidism|thyroid|Hashimoto|Graves',
  'dyspnea|shortness of breath|chest pain|palpitations|syncope|diaphoretic|diaphoresis|edema|nausea|vomiting|fever|febrile',
  'pressure injury|pressure ulcer|bedsore|wound|sacral|gait training|post-stroke|hospice|palliative|comfort care|terminal illness|',
  'cracked tooth|root canal|periodontitis|gingivitis|caries|crown prep|tooth extraction',
  'disability|disabled|chronic pain|back pain|sciatica|tinnitus|hearing loss|vertigo',
  '*itis|*ectomy|*ostomy|*opathy||*plasty|*oscopy|*carcinoma|',
  // Spanish
  'diabetes mellitus|hipertensión|cáncer|infarto|neumonía|hernia discal|baja médica|enfermedad|diagnóstico|diagnosticado|diagnosticada|tratamiento|embarazada|embarazo|depresión|ansiedad|cirugía|insuficiencia cardíaca|alergia|alérgico|alérgica|ingreso hospitalario|alta médica|resumen de alta',
  // German
  'Diabetes|Bluthochdruck|Krebs|Herzinfarkt|Lungenentzündung|Kreuzbandriss|Meniskusriss|Innenmeniskus|Bakerzyste|Befund|Diagnose|Behandlung|Physiotherapie|Krankschreibung|krankgeschrieben|Schwangerschaft|schwanger|Depression|Allergie||Überweisung|Krankenhaus|Arztbrief',
  // French
  'diabète|hypertension artérielle|cancer du|infarctus|pneumonie|diagnostic|traitement|enceinte|grossesse|dépression|chirurgie|arrêt maladie|allergie|hospitalisé|hospitalisée|ordonnance',
].join('|');

const DRUGS = [
  'metformin|insulin|insulin glargine|glargine|Lantus|Ozempic|semaglutide|Mounjaro|tirzepatide|empagliflozin|Jardiance|dapagliflozin|glipizide|sitagliptin',
  'lisinopril|losartan|valsartan|sacubitril|Entresto|amlodipine|metoprolol|carvedilol|atenolol|propranolol|hydrochlorothiazide|HCTZ|furosemide|Lasix|spironolactone',
  'atorvastatin|rosuvastatin|simvastatin|pravastatin|statin|statins|ezetimibe',
  'apixaban|Eliquis|rivaroxaban|Xarelto|warfarin|Coumadin|clopidogrel|Plavix|heparin|enoxaparin|aspirin 81',
  'levothyroxine|Synthroid|methimazole|prednisone|prednisolone|dexamethasone|hydrocortisone|triamcinolone|tacrolimus|methotrexate|dupilumab|Dupixent|adalimumab|Humira|biologic|biologics',
  'sertraline|Zoloft|escitalopram|Lexapro|citalopram|fluoxetine|Prozac|paroxetine|bupropion|Wellbutrin|venlafaxine|duloxetine|trazodone|mirtazapine|lithium|quetiapine|Seroquel|olanzapine|risperidone|aripiprazole|Abilify|lamotrigine|clonazepam|Klonopin|lorazepam|Ativan|alprazolam|Xanax|diazepam|Adderall|methylphenidate|Ritalin',
  'oxycodone|hydrocodone|morphine|fentanyl|tramadol|codeine|buprenorphine|naloxone|Suboxone|methadone|Narcan|gabapentin|pregabalin',
  'amoxicillin|augmentin|azithromycin|ceftriaxone|cephalexin|doxycycline|ciprofloxacin|levofloxacin|penicillin|vancomycin|clindamycin|nitrofurantoin|Bactrim|metronidazole|antibiotic|antibiotics',
  'anastrozole|letrozole|tamoxifen|FOLFOX|chemotherapy|chemo|immunotherapy|pembrolizumab|Keytruda|radiation therapy|radiotherapy|VTX',
  'albuterol|inhaler|Symbicort|Advair|montelukast|tiotropium|nebulizer|oxygen|',
  'anti-VEGF|ranibizumab|aflibercept|Eylea|bevacizumab',
  'ibuprofen|acetaminophen|naproxen|paracetamol|antihistamine|omeprazole|pantoprazole|ondansetron|Zofran|anti-nausea',
  'MMR|Tdap|DTaP|vaccine|vaccines|vaccination|vaccinated|immunization|immunizations|booster',
  'Depo-Provera|IUD|Plan B|progesterone|estradiol|testosterone|HRT',
].join('|');

const PROCEDURES = [
  'surgery|surgical||operative report|biopsy|resection|transplant|amputation|stent|catheterization|cath lab|angioplasty|',
  'MRI|CT scan|PET scan|X-ray|xray|ultrasound|sonogram|mammogram|mammography|echocardiogram|ECG|EKG|EEG|colonoscopy|endoscopy|screening colonoscopy',
  'physical therapy|physiotherapy|occupational therapy|speech therapy|home health|skilled nursing|rehabilitation',
  'dialysis|infusion|injection|injections|transfusion|intubation|ventilator|sedation|anesthesia|suture|sutures placed',
  'genetic test|genetic testing|cascade testing|prior authorization|medical necessity|KX modifier|HCPCS|CPT|ICD-10|ICD10|DRG|EOB|explanation of benefits|837|claim denied',
  'prescription|prescribed|prescribe|Rx|refill|refills|dose|dosage|titrate|titrated|medication|medications|meds|PRN|BID|TID|QID|q6h|q4h|q8h|q12h|q24h|PO daily|subcutaneous',
  'diagnosis|diagnosed|diagnoses|dx|prognosis|admitting dx|principal diagnosis|discharge summary|discharged||readmission|triage|ED triage|inpatient|outpatient',
  'SOAP note|progress note|intake form|session note|assessment and plan||medical records|health records|patient portal|care plan|care coordinator|',
  'treatment|treated|therapy|therapist|counseling|psychotherapy|follow-up visit|f/u|checkup|check-up|annual physical|wellness visit|telehealth',
  'immunization schedule|catch-up|allergy action plan|42 CFR Part 2|HIPAA',
].join('|');

const LABS = [
  'A1c|HbA1c|hemoglobin A1c|TSH|T4|LDL|LDL-C|HDL|HDL-C|triglycerides|cholesterol|glucose|creatinine|eGFR|BUN|potassium|sodium|CO2|chloride|troponin|BNP|INR|PT/INR|CBC|BMP|CMP|metabolic panel|lipid panel|white count|WBC|hemoglobin|platelets|PSA|viral load|CD4|urine drug screen|UDS|pathology|lab results|lab result|bloodwork|blood work|blood test',
  'positive for|tested positive|HIV-positive|negative for|abnormal|ER+/PR+|grade 2|grade 3|stage 3|stage 3a|stage 3b|stage IV|EF 25%|ejection fraction|ST elevation|blood pressure|heart rate|SpO2|O2 sat',
].join('|');

const UNITS =
  'mg|mcg|µg|ug|mg/dL|mmol/L|ng/mL|copies/mL|mEq/L|IU||capsule|capsules|pill|pills|mg/kg|mmHg|bpm';

const CARE = [
  'dermatology|pediatrics|radiology|urology|gastroenterology|endocrinology|nephrology|pulmonology|rheumatology|hematology|ophthalmology|obstetrics|psychotherapy session|hospital|hospitalized|hospitalization|clinic|ER visit|emergency room|ICU|intensive care|urgent care|nursing home|hospice care|pharmacy|pharmacist|oncologist|cardiologist|neurologist|psychiatrist|psychologist|dermatologist|gynecologist|gynecology|obstetrician|OB/GYN|pediatrician|urologist|nephrologist|endocrinologist|gastroenterologist|rheumatologist|orthopedic|orthopedics|orthopedist|podiatry|podiatrist|radiologist|surgeon|anesthesiologist|primary care|PCP|physician|doctor|nurse line|ID clinic|tumor board|heart failure clinic|neurology|cardiology|oncology clinic|dental chart|lab slip',
  'symptoms|symptom|appointment|admitted|admission|strep culture|blood culture|medical chart|Pap smear result|abnormal Pap|Pap test|influenza vaccine|side effects|chronic|acute|remission|recovering|post-op|postoperative|sick leave|medical leave|on leave to recover|sick|illness|',
].join('|');

const ROLES =
  'patient|patients|pt|pts|resident|beneficiary|subject|enrollee|member|client|caregiver|guardian';

/** Health and clinical vocabulary (English, Spanish, German, French). Weights: how strongly each implies health information. */
export const HEALTH_ENTRIES: DictionaryEntry[] = [
  ...entries(CONDITIONS, Category.HealthCondition, 1),
  ...entries(DRUGS, Category.HealthDrug, 1),
  ...entries(PROCEDURES, Category.HealthProcedure, 0.8),
  ...entries(LABS, Category.HealthLab, 0.7),
  ...entries(UNITS, Category.HealthUnit, 0.3),
  ...entries(CARE, Category.HealthCare, 0.5),
  ...entries(ROLES, Category.HealthRole, 0.3),
];

/** Words that make a nearby number a medical record or chart number. */
export const HEALTH_ID_CONTEXT = entries(
  'MRN|MR#|MR number|medical record|medical record number|record number|chart number|patient ID|patient number|accession|historia clínica|número de historia|Patientennummer|Fallnummer|dossier médical|numéro de dossier|NHS number|NHS no|hospital number',
  Category.HealthIdContext,
);

/** Words that make a nearby ID a health plan number. */
export const HEALTH_PLAN_CONTEXT = entries(
  'member ID|member|member number|subscriber|subscriber ID|policy number|policy|health plan|insurance ID|insurance|insurer|group number|plan ID|Versichertennummer|Krankenversicherungsnummer|Krankenkasse|tarjeta sanitaria|número de afiliación|numéro de sécurité sociale|carte vitale|Medicaid|Medicaid ID|claim|claim number',
  Category.HealthPlanContext,
);

/** Medicare context for MBIs. */
export const MEDICARE_CONTEXT = entries(
  'Medicare|MBI|HICN|beneficiary|Medicare number',
  Category.MedicareContext,
);

/** Context for provider identifiers (public registries): NPI, DEA, prescriber. */
export const PROVIDER_CONTEXT = entries(
  'NPI|national provider|prescriber|DEA|DEA number|provider|attending|referring|ordering provider|Dr.|Dr',
  Category.ProviderContext,
);
