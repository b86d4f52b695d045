// Example requirement sets a person can try, one per common kind of app.
export const EXAMPLES: readonly { id: string; label: string; text: string }[] = [
  {
    id: "django-postgres",
    label: "Django + Postgres",
    text: "# A Django app on Postgres\nDjango==4.2.7\npsycopg2==2.9.9  # no wheels: always compiles\ngunicorn==21.2.0\nredis==5.0.1\n",
  },
  {
    id: "fastapi",
    label: "FastAPI",
    text: "# An async API\nfastapi==0.110.0\nuvicorn[standard]==0.29.0\npydantic==2.6.4\nSQLAlchemy==2.0.29\nasyncpg==0.29.0\n",
  },
  {
    id: "data-science",
    label: "Data science",
    text: "# Notebooks and reports\npandas==2.2.2\nnumpy==1.26.4\nscipy==1.13.1\nmatplotlib==3.8.4\nscikit-learn==1.4.2\n",
  },
  {
    id: "ml-serving",
    label: "ML serving",
    text: "# A model behind an HTTP API\nnumpy==1.26.4\nscikit-learn==1.4.2\nonnxruntime==1.17.3\nfastapi==0.110.0\nuvicorn==0.29.0\n",
  },
  {
    id: "scraping",
    label: "Scraping",
    text: "# Crawlers and parsers\nrequests==2.31.0\nbeautifulsoup4==4.12.3\nlxml==5.2.1\nScrapy==2.11.1\n",
  },
];
