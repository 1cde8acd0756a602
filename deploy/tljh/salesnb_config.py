# JupyterHub configuration for salesnb on The Littlest JupyterHub.
# install.sh copies this file to /opt/tljh/config/jupyterhub_config.d/salesnb.py; TLJH loads
# every .py file in that folder after its own configuration (`sudo tljh-config reload` applies it).

# Teachers' accounts get the course's default dataset; every other login gets a personal one
# that follows the user name (salesnb.seed_for_user). Separate names with commas.
c.Spawner.environment.update({
    "SALESNB_TEACHERS": "docent",
})

# Open JupyterLab (not the classic interface) after login.
c.Spawner.default_url = "/lab"
